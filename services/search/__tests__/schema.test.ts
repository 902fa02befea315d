import { Kind } from 'graphql';
import { searchTypeDefs } from '../subgraph';

describe('schema/search.graphql', () => {
  it('documents every type, field, argument, input field and enum value', () => {
    const undocumented: string[] = [];
    for (const def of searchTypeDefs().definitions) {
      if (def.kind === Kind.SCHEMA_EXTENSION) continue;
      if (!('name' in def) || !def.name) continue;
      if (!('description' in def) || !def.description) undocumented.push(def.name.value);
      const members = ('fields' in def ? def.fields : undefined) ?? ('values' in def ? def.values : undefined) ?? [];
      for (const f of members as readonly { name: { value: string }; description?: unknown; arguments?: readonly { name: { value: string }; description?: unknown }[] }[]) {
        if (!f.description) undocumented.push(`${def.name.value}.${f.name.value}`);
        for (const a of f.arguments ?? []) if (!a.description) undocumented.push(`${def.name.value}.${f.name.value}(${a.name.value})`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
