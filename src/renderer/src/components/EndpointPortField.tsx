import { useId, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { ClipEndpointInfo } from '@core/endpoint/types';
import { ENDPOINT_PORT } from '@core/common/settingsLimits';
import { errorMessage } from '../lib/format';
import { Spinner } from './Icons';

/**
 * Settings › the clip endpoint's port: applied at once (the endpoint moves to it). A port out of range is
 * refused here; a port another program holds is refused by the core, and the endpoint stays where it was.
 */
export function EndpointPortField({ port, onChanged }: { port: number; onChanged: (info: ClipEndpointInfo) => void }) {
  const uid = useId();
  const [value, setValue] = useState(String(port));
  // The port in use (or saved, while the endpoint is not running): the core's answer after a change.
  const [current, setCurrent] = useState(port);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const wanted = Number(value);
  const valid = /^\d+$/.test(value.trim()) && wanted >= ENDPOINT_PORT.min && wanted <= ENDPOINT_PORT.max;

  async function apply(event: SyntheticEvent) {
    event.preventDefault();
    setSaved(false);
    if (!valid) {
      setError(`The port must be a whole number from ${ENDPOINT_PORT.min} to ${ENDPOINT_PORT.max}.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const info = await window.gloss.setClipEndpointPort(wanted);
      setCurrent(info.port ?? wanted);
      setSaved(true);
      onChanged(info);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="port-form" onSubmit={(e) => void apply(e)} noValidate>
      <label className="field-label" htmlFor={`${uid}-port`}>
        Port
      </label>
      <input
        id={`${uid}-port`}
        className="port-input"
        type="number"
        inputMode="numeric"
        min={ENDPOINT_PORT.min}
        max={ENDPOINT_PORT.max}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${uid}-error` : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
          setSaved(false);
        }}
      />
      <button type="submit" className="button" disabled={busy || wanted === current} aria-busy={busy}>
        {busy && <Spinner />}
        Change port
      </button>
      {saved && (
        <span className="port-saved" role="status">
          Port changed
        </span>
      )}
      {error && (
        <p id={`${uid}-error`} className="form-error port-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
