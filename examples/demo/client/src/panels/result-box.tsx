/** Shows what `onSubmitSuccess` returned. */
export function ResultBox({ title, value }: { title: string; value: unknown }) {
  return (
    <div className="demo-result" role="status">
      <strong>{title}</strong>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}
