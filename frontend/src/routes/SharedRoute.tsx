export default function SharedRoute() {
  return <section className="page"><h1>Shared</h1><p>Coming soon.</p></section>;
}
