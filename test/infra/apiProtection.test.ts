/** What protects the public API on AWS, in both topologies. */
import { removeAssembly, synthInspraak, type Synthesised } from './support';

describe.each(['single', 'split'] as const)('the %s topology', (topology) => {
  let s: Synthesised;
  beforeAll(() => {
    s = synthInspraak({ topology }, { bundle: false });
  });
  afterAll(() => removeAssembly(s));

  it("seals cursors in every API function with one secret: the stack id's UUID, unique to the deployment", () => {
    const fns = Object.values(s.api.findResources('AWS::Lambda::Function'));
    const secrets = fns.map((f) => JSON.stringify(f.Properties.Environment.Variables.INSPRAAK_CURSOR_SECRET));
    expect(fns.length).toBe(topology === 'single' ? 1 : 5);
    expect(new Set(secrets)).toEqual(
      new Set([JSON.stringify({ 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] })]),
    );
  });
});
