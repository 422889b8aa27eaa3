// A face drawn for a survey choice: the mouth's curve says the score (a glyph font may lack emoji).
export function SurveyFace(props: { smile: number }) {
  // The mouth runs from (11,22) to (25,22); its control point sits below for a smile, above for a frown.
  const control = 22 + props.smile * 7;
  return (
    <svg className="survey-face" viewBox="0 0 36 36" aria-hidden="true" focusable="false">
      <circle cx="18" cy="18" r="16" />
      <circle className="survey-face-eye" cx="12.5" cy="14" r="2" />
      <circle className="survey-face-eye" cx="23.5" cy="14" r="2" />
      <path className="survey-face-mouth" d={`M11 ${22 - props.smile} Q18 ${control} 25 ${22 - props.smile}`} />
    </svg>
  );
}
