import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { handleFeedbackRequest } from './handle-feedback-request';

export const POST = (request: Request) => handleFeedbackRequest(request);
export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
