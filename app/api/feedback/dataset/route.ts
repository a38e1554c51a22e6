import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { handleDatasetRequest } from './handle-dataset-request';

export const POST = (request: Request) => handleDatasetRequest(request);
export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
