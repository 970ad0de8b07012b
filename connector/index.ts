// The connector's public pieces: the app factory, the Gigya client, mapping, settings.
export { createConnectorApp, type ConnectorApp, type ConnectorAppOptions } from './service/app.js';
export { openConnectorDatabase, type ConnectorDatabase } from './store/database.js';
export { GigyaClient, type GigyaClientOptions, type GigyaResponse } from './gigya/client.js';
export { GigyaApiError, GigyaTransportError, isTransient, transientErrorCodes } from './gigya/errors.js';
export { signatureBaseString, signRequest, canonicalMethodUrl, percentEncode } from './gigya/signature.js';
export { accountsByEmailQuery, emailAccountsByEmailQuery, gcsString } from './gigya/search.js';
export { mapParticipation, type MappedParticipation, type MappingProblem } from './mapping.js';
export { strategies } from './push/strategies.js';
export type { PushOutcome, PushAction } from './push/context.js';
export type { Participation, ParticipationStatus } from './participations/participation.js';
export * from './settings/index.js';
