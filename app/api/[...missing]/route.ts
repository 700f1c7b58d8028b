import { json } from '@/lib/server/handler';

// An API address that matches no endpoint: the API's own 404, in its JSON shape, for every method
// (without this, the signed-in pages' catch-all would answer it with a page).
function missing(): Response {
  return json({ error: { code: 'not_found', message: 'There is no API endpoint at this address.' } }, 404);
}

export { missing as GET, missing as POST, missing as PUT, missing as PATCH, missing as DELETE };
