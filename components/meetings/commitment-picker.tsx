'use client';

import { useRef, useState } from 'react';
import type { DeliverableList } from '@/lib/contracts/deliverables';
import type { CommitmentChoice } from '@/lib/contracts/deliverables';
import { ApiClientError } from '@/lib/api/client';
import { formatNumber } from '@/lib/format';
import { fetchDeliverables } from '@/components/deliverables/api';

/** Search results shown at once; a narrower search finds the rest. */
const RESULTS_SHOWN = 20;

type Props = {
  /** The deliverables chosen so far, by id. */
  value: number[];
  onChange: (ids: number[]) => void;
  /** Titles of the deliverables chosen when the form opened. */
  initialChoices: CommitmentChoice[];
  agencies: { slug: string; name: string }[];
};

type Search = { state: 'idle' } | { state: 'loading' } | { state: 'error'; text: string } | { state: 'done'; result: DeliverableList; words: string };

/**
 * Commitments announced at a meeting: the ones chosen, each a checkbox to untick, and a search
 * (title, description or update notes, optionally one lead agency) to find more. Only what is
 * searched for travels, so the form stays small however many deliverables are on record.
 */
export function CommitmentPicker({ value, onChange, initialChoices, agencies }: Props) {
  const [known, setKnown] = useState(() => new Map(initialChoices.map((c) => [c.id, c])));
  const [words, setWords] = useState('');
  const [agency, setAgency] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  // Only the latest search's answer is shown, whichever order the answers arrive in.
  const latest = useRef(0);

  const toggle = (choice: CommitmentChoice, checked: boolean) => {
    if (checked) setKnown((k) => new Map(k).set(choice.id, choice));
    onChange(checked ? [...value, choice.id].sort((a, b) => a - b) : value.filter((id) => id !== choice.id));
  };

  async function find() {
    if (!words.trim() && !agency) {
      setSearch({ state: 'error', text: 'Type words from a title, or choose a lead agency.' });
      return;
    }
    const request = ++latest.current;
    setSearch({ state: 'loading' });
    try {
      const result = await fetchDeliverables({ q: words.trim() || undefined, agency: agency || undefined, sort: 'recent', pageSize: RESULTS_SHOWN });
      if (request === latest.current) setSearch({ state: 'done', result, words: words.trim() });
    } catch (error) {
      if (request !== latest.current) return;
      setSearch({ state: 'error', text: error instanceof ApiClientError ? error.message : 'The server could not be reached.' });
    }
  }

  // By lead agency, then title, however they were added.
  const chosen = value
    .map((id) => known.get(id) ?? { id, title: `Deliverable ${id}`, agency: '' })
    .sort((a, b) => a.agency.localeCompare(b.agency) || a.title.localeCompare(b.title) || a.id - b.id);
  const checkbox = (choice: CommitmentChoice, idPrefix: string) => (
    <div className="usa-checkbox" key={`${idPrefix}-${choice.id}`}>
      <input
        className="usa-checkbox__input"
        id={`${idPrefix}-${choice.id}`}
        type="checkbox"
        checked={value.includes(choice.id)}
        onChange={(e) => toggle(choice, e.target.checked)}
      />
      <label className="usa-checkbox__label" htmlFor={`${idPrefix}-${choice.id}`}>
        {choice.title}
        {choice.agency ? <span className="text-base-dark"> ({choice.agency})</span> : null}
      </label>
    </div>
  );

  return (
    <>
      <div data-testid="commitments-chosen">
        {chosen.length ? chosen.map((c) => checkbox(c, 'commitment')) : <p className="margin-y-1">None chosen yet.</p>}
      </div>

      <div className="pitf-commitments__search" role="search" aria-label="Search for commitments">
        <div>
          <label className="usa-label" htmlFor="commitment-search">
            Find deliverables to add
          </label>
          <input
            id="commitment-search"
            className="usa-input"
            type="search"
            value={words}
            onChange={(e) => setWords(e.target.value)}
            onKeyDown={(e) => {
              // Enter searches here rather than saving the meeting.
              if (e.key === 'Enter') {
                e.preventDefault();
                void find();
              }
            }}
          />
        </div>
        <div>
          <label className="usa-label" htmlFor="commitment-agency">
            Lead agency
          </label>
          <select id="commitment-agency" className="usa-select" value={agency} onChange={(e) => setAgency(e.target.value)}>
            <option value="">All agencies</option>
            {agencies.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="usa-button usa-button--outline" onClick={() => void find()} disabled={search.state === 'loading'}>
          {search.state === 'loading' ? 'Searching…' : 'Search'}
        </button>
      </div>

      <div aria-live="polite" data-testid="commitment-results">
        {search.state === 'error' ? <p className="usa-error-message">{search.text}</p> : null}
        {search.state === 'done' ? (
          search.result.items.length === 0 ? (
            <p>No deliverable matches{search.words ? ` “${search.words}”` : ''}.</p>
          ) : (
            <>
              <p className="margin-bottom-1">
                {search.result.total > search.result.items.length
                  ? `${formatNumber(search.result.items.length)} of ${formatNumber(search.result.total)} matches shown, by lead agency; add words or choose a lead agency to find others.`
                  : `${formatNumber(search.result.total)} ${search.result.total === 1 ? 'match' : 'matches'}.`}
              </p>
              {search.result.items.map((d) => checkbox({ id: d.id, title: d.title, agency: d.leadAgencyAbbreviation }, 'commitment-result'))}
            </>
          )
        ) : null}
      </div>
    </>
  );
}
