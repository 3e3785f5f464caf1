/**
 * Shows what `onSubmitSuccess` returned. Inside <MizanForm>'s `renderResult` it sits in the
 * form's own status region; standalone, it announces itself (`announce`).
 */
export function ResultBox(props: { title: string; value: unknown; announce?: boolean }) {
  return (
    <div className="demo-result" role={props.announce ? "status" : undefined}>
      <strong>{props.title}</strong>
      <pre>{JSON.stringify(props.value, null, 2)}</pre>
    </div>
  );
}
