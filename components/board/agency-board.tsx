'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import type { DeliverableList, DeliverableListItem } from '@/lib/contracts/deliverables';
import { ApiClientError } from '@/lib/api/client';
import {
  BOARD_COLUMN_MAX,
  BOARD_COLUMN_PAGE,
  boardColumnFilters,
  boardColumnListHref,
  type BoardFilters,
} from '@/lib/board';
import { PILLAR_LABELS, STATUSES, STATUS_LABELS, STATUSES_NEEDING_REASON, type Status } from '@/lib/domain';
import { formatNumber } from '@/lib/format';
import { progressFor } from '@/lib/measures';
import type { ProgressUpdateBody } from '@/lib/validations/deliverables';
import { deliverableKeys } from '@/lib/query-keys';
import { StatusBadge } from '@/components/ui/status-badge';
import { DeliverableFacts } from '@/components/deliverables/deliverable-facts';
import { deliverableListQuery, postProgressUpdate } from '@/components/deliverables/api';
import { ReasonDialog, type ReasonDialogHandle } from './reason-dialog';

/** Each column's first page as the server rendered it. */
/** Each column's cards: one status the task force counts (a withdrawn deliverable is on no column). */
export type BoardColumns = Record<Status, Omit<DeliverableList, 'items'> & { items: Card[] }>;

type Props = {
  agencyName: string;
  filters: BoardFilters;
  initialColumns: BoardColumns;
  canEdit: boolean;
};

type Card = DeliverableListItem & { status: Status };
type Move = { item: Card; to: Status; reason?: string; note?: string };
type Notice = { type: 'success' | 'error'; text: string; retry?: Move } | null;

/**
 * Progress a move implies: completed is 100 %; a measured deliverable follows its count; otherwise
 * not started is 0 % and the rest stays.
 */
function progressAfter(item: DeliverableListItem, to: Status): number {
  if (to === 'completed' || item.measure) return progressFor(to, item.measure, item.progress);
  if (to === 'not_started') return 0;
  return item.progress === 100 ? 90 : item.progress;
}

const FIRST_PAGES = Object.fromEntries(STATUSES.map((s) => [s, BOARD_COLUMN_PAGE])) as Record<Status, number>;

/** The card as the move leaves it, shown until the server's answer replaces it. */
function movedCard(item: DeliverableListItem, to: Status, reason: string | undefined): DeliverableListItem {
  return { ...item, status: to, progress: progressAfter(item, to), statusReason: reason ?? null, lastUpdateAt: Date.now(), stale: false };
}

export function AgencyBoard({ agencyName, filters, initialColumns, canEdit }: Props) {
  // On the board of what an agency supports, each card says which agency leads it.
  const supportView = filters.view === 'support';
  const queryClient = useQueryClient();
  // How many cards each column asks for; "Show more" lengthens one column's first page.
  const [shown, setShown] = useState(FIRST_PAGES);
  const columnKey = (status: Status) => deliverableKeys.list(boardColumnFilters(filters, status, shown[status]));
  const results = useQueries({
    queries: STATUSES.map((status) => ({
      ...deliverableListQuery(boardColumnFilters(filters, status, shown[status])),
      initialData: shown[status] === BOARD_COLUMN_PAGE ? initialColumns[status] : undefined,
      // While a longer page loads, keep showing the cards already there: the shorter page's answer.
      // (Under useQueries a new key gets a new observer, so keepPreviousData would have nothing to keep.)
      placeholderData: () =>
        queryClient.getQueryData<DeliverableList>(deliverableKeys.list(boardColumnFilters(filters, status, shown[status] - BOARD_COLUMN_PAGE))),
    })),
  });
  const columns = {} as BoardColumns;
  const loadingMore = new Set<Status>();
  results.forEach((result, i) => {
    const status = STATUSES[i] as Status;
    columns[status] = (result.data as BoardColumns[Status] | undefined) ?? initialColumns[status];
    if (result.isPlaceholderData) loadingMore.add(status);
  });
  const [notice, setNotice] = useState<Notice>(null);
  const [dragOver, setDragOver] = useState<Status | null>(null);
  const reasonDialog = useRef<ReasonDialogHandle>(null);
  // A moved card is rendered anew in its new column: focus follows it there, to its title.
  // A ref, not state: the move's own re-render (the card in its new column) is the one to act on.
  const focusCard = useRef<{ id: number; to: Status } | null>(null);
  useEffect(() => {
    if (focusCard.current === null) return;
    const { id, to } = focusCard.current;
    const link = document.querySelector<HTMLElement>(`[data-testid="column-${to}"] [data-testid="card-${id}"] .pitf-card__title a`);
    if (link) {
      link.focus();
      focusCard.current = null;
    }
  });

  const move = useMutation({
    mutationFn: ({ item, to, reason, note }: Move) => {
      const body: ProgressUpdateBody = {
        status: to,
        // A measured deliverable's progress is the server's to compute from its count.
        ...(item.measure ? {} : { progress: progressAfter(item, to) }),
        note: note || `Moved from ${STATUS_LABELS[item.status]} to ${STATUS_LABELS[to]} on the board.`,
        reason,
        version: item.version,
      };
      return postProgressUpdate(item.id, body);
    },
    // Show the move at once; put it back if the server refuses.
    onMutate: async ({ item, to, reason }) => {
      const from = columnKey(item.status);
      const into = columnKey(to);
      await queryClient.cancelQueries({ queryKey: deliverableKeys.lists() });
      const previous = [from, into].map((key) => [key, queryClient.getQueryData<DeliverableList>(key)] as const);
      const moved = movedCard(item, to, reason);
      // A column still loading a longer page has nothing cached yet: start from what it shows.
      queryClient.setQueryData<DeliverableList>(from, (old = columns[item.status]) => ({
        ...old,
        items: old.items.filter((d) => d.id !== item.id),
        total: old.total - 1,
      }));
      queryClient.setQueryData<DeliverableList>(into, (old = columns[to]) => ({ ...old, items: [moved, ...old.items], total: old.total + 1 }));
      setNotice(null);
      return { previous };
    },
    onError: (error, variables, context) => {
      for (const [key, data] of context?.previous ?? []) queryClient.setQueryData(key, data);
      const title = `“${variables.item.title}”`;
      if (error instanceof ApiClientError && error.status === 409) {
        setNotice({
          type: 'error',
          text: `${title} was changed by someone else since this board loaded, so it was not moved. The board now shows their change.`,
          retry: variables,
        });
      } else {
        const detail = error instanceof ApiClientError ? error.message : 'The server could not be reached.';
        setNotice({ type: 'error', text: `${title} could not be moved to ${STATUS_LABELS[variables.to]}: ${detail}` });
      }
    },
    onSuccess: (data, variables) => {
      // The card now stands at the version the server gave it: a second move made before the
      // columns are read again carries that version, not the one this board loaded.
      queryClient.setQueryData<DeliverableList>(columnKey(variables.to), (old) =>
        old ? { ...old, items: old.items.map((d) => (d.id === variables.item.id ? { ...d, version: data.version } : d)) } : old,
      );
      setNotice({ type: 'success', text: `“${variables.item.title}” moved to ${STATUS_LABELS[variables.to]}.` });
    },
    // The one write that does not have every query of its resource read again: a move changes two
    // columns, so only those two are read again; the rest of what is cached about deliverables (other
    // boards, lists) is marked stale and read again when next shown.
    onSettled: async (_data, _error, { item, to }) => {
      await queryClient.invalidateQueries({ queryKey: deliverableKeys.all, refetchType: 'none' });
      await Promise.all([columnKey(item.status), columnKey(to)].map((queryKey) => queryClient.refetchQueries({ queryKey, exact: true })));
    },
  });

  function requestMove(item: Card, to: Status) {
    if (item.status === to) return;
    if (STATUSES_NEEDING_REASON.includes(to)) {
      reasonDialog.current?.open(
        item,
        to,
        (reason, note) => {
          focusCard.current = { id: item.id, to };
          move.mutate({ item, to, reason, note });
        },
        // Cancelled: back to the control that asked for the move.
        () => document.getElementById(`move-${item.id}`)?.focus(),
      );
    } else {
      focusCard.current = { id: item.id, to };
      move.mutate({ item, to });
    }
  }


  /** Re-applies a refused move on top of the other person's change. */
  function retry(m: Move) {
    const fresh = findCard(m.item.id);
    if (fresh) move.mutate({ ...m, item: fresh });
  }

  function findCard(id: number): Card | undefined {
    for (const status of STATUSES) {
      const card = columns[status].items.find((d) => d.id === id);
      if (card) return card;
    }
    return undefined;
  }

  return (
    <>
      <div aria-live="polite" className="margin-bottom-2" data-testid="board-notice">
        {notice ? (
          <div className={`usa-alert usa-alert--${notice.type} usa-alert--slim`}>
            <div className="usa-alert__body">
              <p className="usa-alert__text">
                {notice.text}{' '}
                {notice.retry ? (
                  <button type="button" className="usa-button usa-button--unstyled" onClick={() => notice.retry && retry(notice.retry)}>
                    Move it anyway
                  </button>
                ) : null}
              </p>
            </div>
          </div>
        ) : null}
      </div>
      <div
        className="pitf-board"
        aria-label={supportView ? `Deliverables ${agencyName} supports, by status` : `${agencyName} deliverables by status`}
        role="group"
      >
        {STATUSES.map((status) => {
          const { items: column, total } = columns[status];
          return (
            <section
              key={status}
              className={`pitf-board__column${dragOver === status ? ' is-drop-target' : ''}`}
              aria-labelledby={`column-${status}`}
              data-testid={`column-${status}`}
              onDragOver={(e) => {
                if (!canEdit) return;
                e.preventDefault();
                setDragOver(status);
              }}
              onDragLeave={() => setDragOver(null)}
              onDrop={(e) => {
                e.preventDefault();
                setDragOver(null);
                const id = Number(e.dataTransfer.getData('text/plain'));
                const item = findCard(id);
                if (item) requestMove(item, status);
              }}
            >
              <h2 id={`column-${status}`} className="pitf-board__heading">
                <StatusBadge status={status} /> <span className="text-base-dark">({formatNumber(total)})</span>
              </h2>
              {column.length === 0 ? (
                <p className="text-base-dark font-sans-2xs">None</p>
              ) : (
                <ul className="usa-list usa-list--unstyled">
                  {column.map((item) => (
                    <li
                      key={item.id}
                      className="pitf-card"
                      data-testid={`card-${item.id}`}
                      draggable={canEdit}
                      onDragStart={(e) => {
                        e.dataTransfer.setData('text/plain', String(item.id));
                        e.dataTransfer.effectAllowed = 'move';
                      }}
                    >
                      <h3 className="pitf-card__title">
                        <Link href={`/deliverables/${item.id}`}>{item.title}</Link>
                      </h3>
                      <p className="pitf-card__meta">
                        {supportView ? `Led by ${item.leadAgencyAbbreviation} · ` : null}
                        {PILLAR_LABELS[item.pillar]}
                        {item.napAction ? ` · NAP ${item.napAction}` : ''}
                      </p>
                      <DeliverableFacts item={item} />
                      {canEdit ? <MoveControl item={item} onMove={(to) => requestMove(item, to)} /> : null}
                    </li>
                  ))}
                </ul>
              )}
              {total > column.length ? (
                <ColumnMore
                  status={status}
                  shown={column.length}
                  total={total}
                  listHref={boardColumnListHref(filters, status)}
                  canShowMore={shown[status] < BOARD_COLUMN_MAX}
                  loading={loadingMore.has(status)}
                  onShowMore={() => setShown((s) => ({ ...s, [status]: Math.min(s[status] + BOARD_COLUMN_PAGE, BOARD_COLUMN_MAX) }))}
                />
              ) : null}
            </section>
          );
        })}
      </div>
      <ReasonDialog ref={reasonDialog} />
    </>
  );
}

/** A column's foot when it holds more cards than it shows: show more here, or all in the list. */
function ColumnMore(props: {
  status: Status;
  shown: number;
  total: number;
  listHref: string;
  canShowMore: boolean;
  loading: boolean;
  onShowMore: () => void;
}) {
  const label = STATUS_LABELS[props.status];
  return (
    <div className="pitf-board__more" data-testid={`column-more-${props.status}`}>
      <p className="margin-y-05 font-sans-2xs">
        Showing {formatNumber(props.shown)} of {formatNumber(props.total)}.
      </p>
      {props.canShowMore ? (
        <button type="button" className="usa-button usa-button--outline" onClick={props.onShowMore} disabled={props.loading}>
          {props.loading ? 'Loading…' : `Show ${formatNumber(Math.min(BOARD_COLUMN_PAGE, props.total - props.shown))} more`}
          <span className="usa-sr-only"> {label}</span>
        </button>
      ) : null}{' '}
      <Link href={props.listHref} className="usa-link font-sans-2xs">
        All {formatNumber(props.total)} {label.toLowerCase()} in the list
      </Link>
    </div>
  );
}

/** The keyboard way to move a card: choose a status, then Move. */
function MoveControl({ item, onMove }: { item: DeliverableListItem; onMove: (to: Status) => void }) {
  const [to, setTo] = useState<Status | ''>('');
  const id = `move-${item.id}`;
  return (
    <form
      className="pitf-move"
      onSubmit={(e) => {
        e.preventDefault();
        if (to) onMove(to);
        setTo('');
      }}
    >
      <label className="usa-sr-only" htmlFor={id}>
        Move “{item.title}” to
      </label>
      <select id={id} className="usa-select pitf-move__select" value={to} onChange={(e) => setTo(e.target.value as Status)}>
        <option value="">Move to…</option>
        {STATUSES.filter((s) => s !== item.status).map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <button type="submit" className="usa-button usa-button--outline pitf-move__button" disabled={!to}>
        Move<span className="usa-sr-only"> “{item.title}”</span>
      </button>
    </form>
  );
}
