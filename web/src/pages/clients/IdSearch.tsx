import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiFailure, api } from '../../api/client.ts';
import { useMessages } from '../../i18n/language.tsx';
import { type ClientQuery, withFilter } from './client-query.ts';
import { messages } from './messages.ts';
import { openClient, showClients } from './navigation.ts';

const ID = /^\d{1,9}$/;

/**
 * The identifier field: what is typed filters the list by id prefix once typing pauses (the
 * history entry is replaced, not added); Enter opens the file of that exact identifier, or says
 * plainly that none has it.
 */
export function IdSearch({ q }: { q: ClientQuery }) {
  const t = useMessages(messages);
  const id = useId();
  const [draft, setDraft] = useState(q.search ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(q);
  latest.current = q;

  useEffect(() => setDraft(q.search ?? ''), [q.search]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const onChange = (value: string) => {
    setDraft(value);
    setMessage(null);
    if (timer.current) clearTimeout(timer.current);
    const text = value.trim();
    if (text !== '' && !ID.test(text)) {
      setMessage(t.idFormat);
      return;
    }
    timer.current = setTimeout(
      () => showClients(withFilter(latest.current, 'search', text), true),
      400,
    );
  };

  const open = async () => {
    if (timer.current) clearTimeout(timer.current);
    const text = draft.trim();
    if (!ID.test(text)) {
      setMessage(t.idFormat);
      return;
    }
    setChecking(true);
    try {
      // The smallest identifier starting with these digits is the number itself, if it exists.
      const found = await api.get(`/api/clients?search=${text}&pageSize=1&sort=id`);
      if (found.clients[0]?.id === Number(text)) openClient(text);
      else setMessage(t.unknownId(text));
    } catch (error) {
      setMessage(error instanceof ApiFailure ? error.message : String(error));
    } finally {
      setChecking(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void open();
  };

  return (
    <div className="card clients-id-search">
      <label htmlFor={id}>{t.idLabel}</label>
      <input
        id={id}
        data-testid="client-id-search"
        inputMode="numeric"
        autoComplete="off"
        maxLength={9}
        value={draft}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={`${id}-hint ${id}-message`}
        aria-invalid={message === t.idFormat ? true : undefined}
      />
      <span id={`${id}-hint`} className="clients-hint">
        {t.idHint}
      </span>
      <span id={`${id}-message`} role="status" className="clients-id-message">
        {checking ? t.checking : message}
      </span>
    </div>
  );
}
