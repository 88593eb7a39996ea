export default function MintRoute() {
  return <section className="page"><h1>Mint</h1><p>Coming soon.</p></section>;
}
