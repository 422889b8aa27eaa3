// One case's stored state (GET /api/cases/:id), kept current by the live feed and by this page's
// own writes. Items are merged by id, so an item seen twice (response and event) appears once.
import { useCallback, useEffect, useState } from 'react';
import type { CaseDetail, ChatLine, EvidenceView, OutcomeView } from '../../../../protocol/http.ts';
import type { AnnotationView, MeasurementView } from '../../../../protocol/spatial.ts';
import { messageOf } from '../../lib/api.ts';
import { consoleApi } from '../app/console-api.ts';
import { useConsoleEvent } from '../app/use-console-event.ts';

function upsert<T extends { id: string }>(list: T[], item: T): T[] {
  const index = list.findIndex((x) => x.id === item.id);
  if (index === -1) return [...list, item];
  const copy = [...list];
  copy[index] = item;
  return copy;
}

export function useCaseDetail(caseId: string) {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Bumped by every change that adds a ledger entry, so the ledger panel knows to reload. */
  const [revision, setRevision] = useState(0);

  const reload = useCallback(() => {
    consoleApi.getCase(caseId).then(
      (loaded) => {
        setDetail(loaded);
        setError(null);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, [caseId]);
  useEffect(reload, [reload]);

  const update = useCallback((change: (d: CaseDetail) => CaseDetail) => {
    setDetail((d) => (d ? change(d) : d));
    setRevision((r) => r + 1);
  }, []);

  useConsoleEvent((event) => {
    switch (event.type) {
      case 'case':
        if (event.case.id === caseId) update((d) => ({ ...d, case: event.case }));
        break;
      case 'evidence':
        if (event.evidence.caseId === caseId) update((d) => ({ ...d, evidence: upsert(d.evidence, event.evidence) }));
        break;
      case 'chat':
        if (event.line.caseId === caseId) update((d) => ({ ...d, chat: upsert(d.chat, event.line) }));
        break;
      case 'outcome':
        if (event.outcome.caseId === caseId) update((d) => ({ ...d, outcomes: upsert(d.outcomes, event.outcome) }));
        break;
      case 'call':
        if (event.call.caseId === caseId) update((d) => ({ ...d, calls: upsert(d.calls, event.call) }));
        break;
      case 'recording':
        // Chunk events come every few seconds: they change the recording, not the ledger panel.
        if (event.recording.caseId === caseId) setDetail((d) => (d ? { ...d, recordings: upsert(d.recordings ?? [], event.recording) } : d));
        break;
      case 'annotation':
        if (event.annotation.caseId === caseId) update((d) => ({ ...d, annotations: upsert(d.annotations ?? [], event.annotation) }));
        break;
      case 'measurement':
        if (event.measurement.caseId === caseId) update((d) => ({ ...d, measurements: upsert(d.measurements ?? [], event.measurement) }));
        break;
      case 'checklist':
        if (event.caseId === caseId) update((d) => ({ ...d, checklist: event.checklist }));
        break;
      case 'resync':
        // The stream missed more than the server keeps: read the open case afresh.
        reload();
        break;
    }
  });

  const addEvidence = useCallback((e: EvidenceView) => update((d) => ({ ...d, evidence: upsert(d.evidence, e) })), [update]);
  const addChat = useCallback((line: ChatLine) => update((d) => ({ ...d, chat: upsert(d.chat, line) })), [update]);
  const addOutcome = useCallback((o: OutcomeView) => update((d) => ({ ...d, outcomes: upsert(d.outcomes, o) })), [update]);
  const addAnnotation = useCallback((a: AnnotationView) => update((d) => ({ ...d, annotations: upsert(d.annotations ?? [], a) })), [update]);
  const addMeasurement = useCallback((m: MeasurementView) => update((d) => ({ ...d, measurements: upsert(d.measurements ?? [], m) })), [update]);
  const addAnnotations = useCallback((list: AnnotationView[]) => update((d) => ({ ...d, annotations: list.reduce(upsert, d.annotations ?? []) })), [update]);

  return { detail, error, reload, revision, addEvidence, addChat, addOutcome, addAnnotation, addAnnotations, addMeasurement };
}
