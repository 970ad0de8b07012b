export { Secret, REDACTED } from './secret.js';
export { redact, redactText } from './redact.js';
export { SettingsError, fieldErrorsOf, type FieldError } from './fieldErrors.js';
export {
  integrationSettingsSchema,
  parseIntegrationSettings,
  serializeIntegrationSettings,
  isEnabled,
  setupSchema,
  dataCenterSchema,
  type IntegrationSettings,
  type IntegrationSettingsInput,
  type EnabledIntegrationSettings,
  type Setup,
  type DataCenter,
} from './integration.js';
export { campaignSchema, parseCampaign, ssoChoiceSchema, defaultFormFields, type Campaign, type CampaignInput, type FormField, type SsoChoice } from './campaign.js';
export { mappingSettingsSchema, defaultMappingSettings, type MappingSettings } from './mappingOverrides.js';
