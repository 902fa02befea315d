import { formattedText, plainText } from '../text';

describe('text from installations', () => {
  it.each([
    ['Bankjes langs de Ringvaart', 'Bankjes langs de Ringvaart'],
    ['  Twee\n regels   en\tspaties ', 'Twee regels en spaties'],
    ['30 km/u in de Javastraat: "nu" of \'later\'?', '30 km/u in de Javastraat: "nu" of \'later\'?'],
    ['Bloemen &amp; bijen', 'Bloemen & bijen'],
    ['<b>Vet</b> en &lt;hoekig&gt;', 'Vet en <hoekig>'],
  ])('reads %j as plain text', (input, expected) => {
    expect(plainText(input)).toBe(expected);
  });

  it('sanitises HTML to an allow-list and derives readable plain text', () => {
    const out = formattedText(
      '<h1>Plan</h1><p onclick="x()">Meer <strong>groen</strong> <a href="javascript:alert(1)">hier</a></p><ul><li>Bijen</li></ul><script>alert(1)</script><img src=x onerror=alert(1)>',
    );
    expect(out.html).toBe(
      '<h2>Plan</h2><p>Meer <strong>groen</strong> <a rel="nofollow noopener noreferrer">hier</a></p><ul><li>Bijen</li></ul>',
    );
    expect(out.text).toBe('Plan\n\nMeer groen hier\n\n- Bijen');
  });
});
