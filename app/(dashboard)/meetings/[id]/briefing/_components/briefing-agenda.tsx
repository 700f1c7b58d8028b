import type { Briefing } from '@/db/queries/briefing';

export function BriefingAgenda({ agenda }: { agenda: Briefing['meeting']['agenda'] }) {
  return (
    <section aria-labelledby="agenda-heading" className="margin-top-4 pitf-keep-together">
      <h2 id="agenda-heading">Agenda</h2>
      {agenda.length ? (
        <ol className="usa-list">
          {agenda.map((item) => (
            <li key={item.position}>
              {item.title}
              {item.presenter ? <span className="text-base-dark"> — {item.presenter}</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>No agenda recorded yet.</p>
      )}
    </section>
  );
}
