// Messages on the PeerJS data channel between the customer's page and the assessor's console.
// Kept small: large payloads (photos) go over HTTP, never over the data channel.
import { z } from 'zod';
import { ChatAuthor, LanguageTag } from './http.ts';
import { AnnotationKind, Pose, ScreenPoint, SpatialAnchor, Vec3 } from './spatial.ts';
import { Currency } from './money.ts';
import { text } from './text.ts';
import { TourId } from './tour.ts';

const v = z.literal(1);

export const QualityLevel = z.enum(['high', 'medium', 'low', 'audio-only']);
export type QualityLevel = z.infer<typeof QualityLevel>;

/**
 * The customer's modes, best first: WebXR immersive-ar with hit-test, a 3D overlay drawn inline over
 * the camera, the plain camera, voice only, text chat only.
 */
export const CustomerMode = z.enum(['ar', 'overlay', 'camera', 'voice', 'text']);
export type CustomerMode = z.infer<typeof CustomerMode>;

const Id = text().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);
const TourYaw = z.number().finite().min(-360).max(360);
const TourPitch = z.number().finite().min(-90).max(90);
const SeatId = text().regex(/^[1-9][0-9]{0,2}[A-L]$/);
export const TourView = z.enum(['3d', 'panorama', 'vr']);
export type TourView = z.infer<typeof TourView>;

export const PeerMessage = z.discriminatedUnion('type', [
  /**
   * A chat line; the sender also stores it over HTTP, the receiver only shows it. `author`: set when the
   * assessor's console passes on a line of a participant (an expert, or a supervisor who barged in).
   */
  z.object({
    v,
    type: z.literal('chat'),
    id: text().min(8).max(64),
    text: text().min(1).max(4000),
    at: text(),
    author: ChatAuthor.pick({ role: true, name: true }).optional(),
    /** The writer's page language (BCP 47), shown beside the line when it is not the reader's. */
    language: LanguageTag.optional(),
  }),
  /** The assessor asks the customer's device for a full-resolution still. */
  z.object({ v, type: z.literal('snapshot-request'), requestId: text().min(8).max(64) }),
  /** The customer's device reports how a requested still went. */
  z.object({
    v,
    type: z.literal('snapshot-result'),
    requestId: text().min(8).max(64),
    evidenceId: text().optional(),
    error: text().max(500).optional(),
  }),
  /** The customer's sending quality changed (adapted to the link, or audio only by choice). */
  z.object({ v, type: z.literal('quality'), level: QualityLevel, reason: text().max(200).optional() }),
  /** The customer uploaded a photo from the gallery. */
  z.object({ v, type: z.literal('evidence-added'), evidenceId: text() }),
  /** The customer's current mode and the modes their device offers. */
  z.object({ v, type: z.literal('mode'), mode: CustomerMode, available: z.array(CustomerMode).max(5) }),
  /**
   * The assessor asks the customer to switch mode; the customer must accept. `proposalId`: the proposal
   * stored for it (POST /api/cases/:id/channel-proposals), which the customer's answer names; `reason`: why.
   */
  z.object({ v, type: z.literal('mode-request'), mode: CustomerMode, proposalId: Id.optional(), reason: text().max(200).optional() }),
  /** The customer answered a mode request (`proposalId`: the proposal answered, when it named one). */
  z.object({ v, type: z.literal('mode-answer'), mode: CustomerMode, accepted: z.boolean(), proposalId: Id.optional() }),
  /** The assessor places an annotation at a point of the live picture. */
  z.object({ v, type: z.literal('annotation-place'), id: Id, kind: AnnotationKind, screen: ScreenPoint, label: text().max(200).optional() }),
  /**
   * The customer's device placed it: `anchor` is the hit pose in the room, or null in a mode without
   * tracking (it is then drawn at the screen point). `error` says why nothing was placed.
   */
  z.object({
    v,
    type: z.literal('annotation-placed'),
    id: Id,
    kind: AnnotationKind,
    screen: ScreenPoint,
    label: text().max(200).optional(),
    anchor: SpatialAnchor.nullable(),
    error: text().max(200).optional(),
  }),
  /** Remove the named annotations (or all, without ids) from the customer's view. */
  z.object({ v, type: z.literal('annotations-clear'), ids: z.array(Id).max(500).optional() }),
  /** The assessor picks one end of a measurement on the live picture. */
  z.object({ v, type: z.literal('measure-point'), id: Id, index: z.union([z.literal(0), z.literal(1)]), screen: ScreenPoint }),
  /** The device's hit for one end of a measurement; null point with `error` when nothing was hit. */
  z.object({
    v,
    type: z.literal('measure-point-result'),
    id: Id,
    index: z.union([z.literal(0), z.literal(1)]),
    screen: ScreenPoint,
    point: Vec3.nullable(),
    cameraPose: Pose.nullable(),
    error: text().max(200).optional(),
  }),
  /** A measurement is complete (from either side): both show its line and distance. */
  z.object({
    v,
    type: z.literal('measurement'),
    id: Id,
    a: Vec3,
    b: Vec3,
    distanceM: z.number(),
    uncertaintyM: z.number(),
  }),
  // Preview tours: scene-state sync. The console renders the tour itself from these, so the agent sees
  // what the customer sees on a link too weak for video; tens of small messages a second at most.
  /** Where the customer is and looks, what view they use and which card is open. */
  z.object({
    v, type: z.literal('tour-pose'), viewpoint: TourId, yaw: TourYaw, pitch: TourPitch, fov: z.number().min(10).max(150),
    /** How far the customer has zoomed in (1: not at all); absent from a page before zoom was shared. */
    zoom: z.number().min(1).max(3).optional(),
    view: TourView, card: TourId.nullable(), seat: SeatId.nullable(),
  }),
  /** Who leads: the agent ("follow me": the customer's view follows the agent's) or the customer (free look). Either side may hand over. */
  z.object({ v, type: z.literal('tour-lead'), leader: z.enum(['agent', 'customer']) }),
  /** While the agent leads: the agent's view, which the customer's follows (with a comfort fade on a change of viewpoint). */
  z.object({ v, type: z.literal('tour-agent-pose'), viewpoint: TourId, yaw: TourYaw, pitch: TourPitch }),
  /** The agent brings the customer to a viewpoint, facing a direction. */
  z.object({ v, type: z.literal('tour-goto'), viewpoint: TourId, yaw: TourYaw.optional(), pitch: TourPitch.optional() }),
  /** The agent's pointer: a point in the scene (null hides it). */
  z.object({ v, type: z.literal('tour-pointer'), target: Vec3.nullable() }),
  /** The agent opens (or, with null, closes) a hotspot card on the customer's side. */
  z.object({ v, type: z.literal('tour-card'), hotspot: TourId.nullable() }),
  /** The agent offers an option (a seat of a cabin) at a price; the customer's page shows it. */
  z.object({ v, type: z.literal('tour-offer'), option: TourId, seat: SeatId.optional(), amount: z.number().min(0).max(1e9), currency: Currency }),
  /** The assessor made a settlement offer (issue 15): the customer's page fetches it from GET /api/join/offer; its terms never ride the data channel. */
  z.object({ v, type: z.literal('offer-made'), offerId: text().min(1).max(64) }),
  /** The assessor asked for an identity check (issue 15): the customer's page fetches it from GET /api/join/identity-check. */
  z.object({ v, type: z.literal('identity-request'), checkId: text().min(1).max(64) }),
  // The call itself.
  /** Either side hangs up on purpose (sent just before the media call is closed), so the other side shows "call ended", not "reconnecting". */
  z.object({ v, type: z.literal('call-end'), by: z.enum(['customer', 'assessor']) }),
  /** The assessor's microphone: off while they have muted it. Sent by the console when the channel opens and on each change. */
  z.object({ v, type: z.literal('assessor-microphone'), on: z.boolean() }),
  /** The customer's own controls: microphone muted, camera turned off, which camera (front/back) and torch. Sent on each change and on connect. */
  z.object({
    v, type: z.literal('media-state'), microphone: z.boolean(), camera: z.boolean(),
    facing: z.enum(['user', 'environment', 'unknown']), torch: z.boolean(),
  }),
]);
export type PeerMessage = z.infer<typeof PeerMessage>;

/** Parses an incoming data-channel payload; returns null (and never throws) for anything malformed. */
export function parsePeerMessage(data: unknown): PeerMessage | null {
  const parsed = PeerMessage.safeParse(typeof data === 'string' ? safeJson(data) : data);
  return parsed.success ? parsed.data : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
