import { NotAllowed } from '@/components/ui/not-allowed';

/** What a role that cannot manage meetings sees on the chair's pages (the API refuses it too). */
export function MeetingsNotAllowed() {
  return (
    <NotAllowed>
      Meetings are planned and recorded by the chair’s staff and administrators. Your role can read meetings and print their briefing
      books, but not create or change them.
    </NotAllowed>
  );
}
