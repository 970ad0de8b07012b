import type { FC } from 'hono/jsx';
import type { SignatureDiagnosis } from '../protocol/signatureDiagnosis.js';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * What the fake saw of a refused signed request, for comparing with the client's own base
 * string: never the secret nor the expected signature (the diagnosis holds neither).
 */
export const SignatureDiagnosisView: FC<{ diagnosis: SignatureDiagnosis }> = ({ diagnosis }) => {
  const { timestamp } = diagnosis;
  const skew = timestamp.skewMs >= 0 ? `${seconds(timestamp.skewMs)} behind the fake's clock` : `${seconds(-timestamp.skewMs)} ahead of the fake's clock`;
  return (
    <details class="signature-diagnosis">
      <summary>Why the signature was refused</summary>
      <dl>
        <dt>Credential form</dt>
        <dd>{diagnosis.credentialForm}</dd>
        <dt>userKey</dt>
        <dd>
          <code>{diagnosis.userKey ?? '(none)'}</code>
        </dd>
        <dt>Timestamp</dt>
        <dd>
          <code>{timestamp.given}</code>
          {` (${timestamp.unit}): ${skew}; ${seconds(timestamp.allowedSkewMs)} allowed`}
        </dd>
        <dt>Nonce</dt>
        <dd>{diagnosis.nonceAlreadyUsed ? 'already used within the window' : 'not used before'}</dd>
      </dl>
      <p>The base string built for each URL a signature may cover (none matched):</p>
      <ol>
        {diagnosis.candidates.map((candidate) => (
          <li>
            <code>{candidate.url}</code>
            <pre>{candidate.baseString}</pre>
          </li>
        ))}
      </ol>
      {diagnosis.notes.length > 0 && (
        <ul>
          {diagnosis.notes.map((note) => (
            <li>{note}</li>
          ))}
        </ul>
      )}
    </details>
  );
};
