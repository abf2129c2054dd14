import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from './room-wire';

/**
 * The binary messages of the /sync relay (room-wire.ts, step 6): y-websocket compatible, one
 * message per frame. The host's rooms, the app's relay client and the Node test client all build
 * and read them here, so the three cannot drift apart.
 */

function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** "Here is my state vector": the other side answers with everything we lack (step 2). */
export function syncStep1Frame(doc: Y.Doc): Uint8Array {
  return frame(MESSAGE_SYNC, (encoder) => syncProtocol.writeSyncStep1(encoder, doc));
}

/** One document update (or several merged into one). */
export function updateFrame(update: Uint8Array): Uint8Array {
  return frame(MESSAGE_SYNC, (encoder) => syncProtocol.writeUpdate(encoder, update));
}

/** The document update a sync frame carries (step 2 or update), or null for any other frame. */
export function updateInFrame(data: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null;
    const syncType = decoding.readVarUint(decoder);
    if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) return null;
    return decoding.readVarUint8Array(decoder);
  } catch {
    // Truncated: the reader that applies it says so.
    return null;
  }
}

/** The awareness states of `clientIds` (a removed client is sent as removed). */
export function awarenessFrame(awareness: awarenessProtocol.Awareness, clientIds: readonly number[]): Uint8Array {
  return frame(MESSAGE_AWARENESS, (encoder) => encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [...clientIds])));
}

/** A frame a strict reader refuses: the sender is broken or hostile. */
export class FrameError extends Error {
  override readonly name = 'FrameError';
}

export interface FrameTarget {
  doc: Y.Doc;
  /** Awareness to apply awareness frames to; without one they are read and ignored. */
  awareness?: awarenessProtocol.Awareness;
  /** Transaction / awareness origin for what this frame changes (who it came from). */
  origin: unknown;
  /**
   * The host is strict: an unknown message type, an update Yjs cannot decode or trailing bytes
   * throw FrameError, so it closes that socket. Clients are lenient as y-websocket's are: such
   * frames are skipped (y-protocols logs a broken update), the connection carries on.
   */
  strict?: boolean;
  /**
   * Strict readers only: called with each incoming update (step 2 or update) before it is
   * applied — the host's quotas. What it throws propagates unchanged and the update is not applied.
   */
  admit?: (update: Uint8Array) => void;
}

/** Carries an error thrown by `admit` through the strict reader's wrapping, unchanged. */
class AdmitError {
  constructor(readonly cause: unknown) {}
}

export interface FrameRead {
  /** MESSAGE_SYNC, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS (the caller answers it) or unknown. */
  type: number;
  /** For sync frames: y-protocols' message type (step 1, step 2, update), else null. */
  syncType: number | null;
  /** The frame to send back (step 2 for a step 1), or null. */
  reply: Uint8Array | null;
}

/**
 * syncProtocol.readSyncMessage, except that a broken update throws instead of being logged and
 * swallowed (y-protocols catches it). Step 2 and update are the same thing to a reader: apply them;
 * order does not matter to Yjs.
 */
function readSyncStrict(decoder: decoding.Decoder, encoder: encoding.Encoder, target: FrameTarget): number {
  const syncType = decoding.readVarUint(decoder);
  switch (syncType) {
    case syncProtocol.messageYjsSyncStep1:
      syncProtocol.readSyncStep1(decoder, encoder, target.doc);
      break;
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      const update = decoding.readVarUint8Array(decoder);
      try {
        target.admit?.(update);
      } catch (error) {
        throw new AdmitError(error);
      }
      Y.applyUpdate(target.doc, update, target.origin);
      break;
    }
    default:
      throw new FrameError(`unknown sync message ${syncType}`);
  }
  return syncType;
}

function read(data: Uint8Array, target: FrameTarget): FrameRead {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  let syncType: number | null = null;
  let reply: Uint8Array | null = null;
  switch (type) {
    case MESSAGE_SYNC: {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncType = target.strict
        ? readSyncStrict(decoder, encoder, target)
        : syncProtocol.readSyncMessage(decoder, encoder, target.doc, target.origin);
      if (encoding.length(encoder) > 1) reply = encoding.toUint8Array(encoder);
      break;
    }
    case MESSAGE_AWARENESS: {
      const update = decoding.readVarUint8Array(decoder);
      if (target.awareness) awarenessProtocol.applyAwarenessUpdate(target.awareness, update, target.origin);
      break;
    }
    case MESSAGE_QUERY_AWARENESS:
      break;
    default:
      if (target.strict) throw new FrameError(`unknown message type ${type}`);
  }
  // One message per frame, as y-websocket sends them; trailing bytes mean a broken sender.
  if (target.strict && decoding.hasContent(decoder)) throw new FrameError('trailing bytes');
  return { type, syncType, reply };
}

/** Reads one binary frame into the doc / awareness; see FrameTarget.strict for malformed ones. */
export function readFrame(data: Uint8Array, target: FrameTarget): FrameRead {
  if (!target.strict) return read(data, target);
  try {
    return read(data, target);
  } catch (error) {
    if (error instanceof AdmitError) throw error.cause;
    if (error instanceof FrameError) throw error;
    throw new FrameError(error instanceof Error ? error.message : String(error));
  }
}
