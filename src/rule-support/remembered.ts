/**
 * A judgement of a string, remembered: rules ask about the same few values (a role ARN, a KMS key, an instance
 * type) in every variant of every definition, several rules about each. Judgements must not depend on anything but
 * the text, and are shared by every caller, so nobody may change one. At most `limit` texts are remembered at once:
 * map keys and generated names make values without end in a long run.
 */
export function rememberedByText<Judgement>(judge: (text: string) => Judgement, limit = 1000): (text: string) => Judgement {
  let judgements = new Map<string, Judgement>();
  return (text) => {
    const known = judgements.get(text);
    if (known !== undefined || judgements.has(text)) return known as Judgement;
    if (judgements.size >= limit) judgements = new Map();
    const judgement = judge(text);
    judgements.set(text, judgement);
    return judgement;
  };
}
