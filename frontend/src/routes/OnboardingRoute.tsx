export default function OnboardingRoute() {
  return <section className="page"><h1>Onboarding</h1><p>Coming soon.</p></section>;
}
