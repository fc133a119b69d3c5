import { jsonWithEtag, methodNotAllowed, openApiDocument, publicEndpoint } from '$lib/server/api';

// The API's own description, public so tools can read it before anyone holds a token.
export const GET = publicEndpoint(({ request, base }) => jsonWithEtag(request, openApiDocument(base)));
export const fallback = methodNotAllowed(['GET']);
