// Annotations and measurements from the live view, shared by the case's assessor (session) and its
// customer (join token).
import express from 'express';
import {
  AnnotationBody, ClearAnnotationsBody, MeasurementBody, type AnnotationList, type MeasurementList,
} from '../../../protocol/spatial.ts';
import type { AnnotationService } from '../annotations/annotation-service.ts';
import type { CaseService } from '../cases/case-service.ts';
import { HttpError, text } from '../errors.ts';
import type { MeasurementService } from '../measurements/measurement-service.ts';
import type { Auth } from './auth.ts';
import { parseInput } from './validate.ts';

export function spatialRoutes(deps: { auth: Auth; cases: CaseService; annotations: AnnotationService; measurements: MeasurementService }): express.Router {
  const { auth, cases, annotations, measurements } = deps;
  const router = express.Router();

  router.post('/cases/:id/annotations', async (req, res) => {
    const principal = await auth.requirePrincipal(req);
    await cases.authorizeWrite(principal, req.params.id);
    const result = await annotations.place(principal, req.params.id, parseInput(AnnotationBody, req.body));
    res.status(result.created ? 201 : 200).json(result.annotation);
  });

  router.post('/cases/:id/annotations/clear', async (req, res) => {
    const principal = await auth.requirePrincipal(req);
    await cases.authorizeWrite(principal, req.params.id);
    // `{}` clears every visible annotation, so a body the JSON parser skipped (no body, another type)
    // must not read as one.
    if (!req.is('application/json')) {
      throw new HttpError(415, 'unsupported_media_type', text('annotation.mediaType'));
    }
    const cleared = await annotations.clear(principal, req.params.id, parseInput(ClearAnnotationsBody, req.body));
    res.json({ annotations: cleared } satisfies AnnotationList);
  });

  router.get('/cases/:id/annotations', async (req, res) => {
    res.json({ annotations: await annotations.list(await auth.requirePrincipal(req), req.params.id) } satisfies AnnotationList);
  });

  router.post('/cases/:id/measurements', async (req, res) => {
    const principal = await auth.requirePrincipal(req);
    await cases.authorizeWrite(principal, req.params.id);
    const result = await measurements.record(principal, req.params.id, parseInput(MeasurementBody, req.body));
    res.status(result.created ? 201 : 200).json(result.measurement);
  });

  router.get('/cases/:id/measurements', async (req, res) => {
    res.json({ measurements: await measurements.list(await auth.requirePrincipal(req), req.params.id) } satisfies MeasurementList);
  });

  return router;
}
