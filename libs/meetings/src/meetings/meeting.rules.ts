/** The authorization table's rows for meetings (DESIGN.md), shared by the resolvers' @Allow rules. */
export const RUNS =
  "the meeting's facilitator (a FACILITATOR or COORDINATOR member) or a COORDINATOR of its alliance, while the meeting allows it";
export const PLANS = 'COORDINATOR of the alliance; a FACILITATOR for meetings they facilitate';
