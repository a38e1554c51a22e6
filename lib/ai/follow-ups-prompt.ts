/** The request the "Suggest follow-ups" action appends to the conversation for the model. */
export const FOLLOW_UPS_REQUEST = 'Suggest three short follow-up questions I could ask next, one per line.';
