/**
 * The receiver's public surface for its clients (the app's trace inspector, e2e, the benchmark):
 * the shapes its HTTP API returns and the functions to start one in-process or read from one.
 */
export type { AttrType, AttrValue, Attributes, ReceivedSpan } from './otlp/decode-traces.ts';
export type { TraceStatus, TraceSummary } from './store/trace-summary.ts';
export type { FeedbackCount, SessionDetail, SessionSummary, SessionTurn, TurnOutcome } from './store/session-summary.ts';
export type { Receiver, ReceiverOptions, ReceivedRequest, SpanAnnotation, SpanPredicate } from './http/receiver-server.ts';
export { startReceiver } from './http/receiver-server.ts';
export { decodeTraceRequest, encodeExportResponse } from './otlp/decode-traces.ts';
export { clearReceiver, fetchAnnotations, fetchRequests, fetchSpans, receiverAuth, waitForReceivedSpans } from './http-client.ts';
