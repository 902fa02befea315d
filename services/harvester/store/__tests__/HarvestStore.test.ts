/** The HarvestStore contract, against the in-memory fake the unit tier harvests into. */
import { harvestStoreContract } from '../../../../test/support/contracts/harvestStoreContract';
import { inMemoryHarvestStore } from '../../../../test/support/fakes/inMemoryHarvestStore';

describe('the in-memory harvest store, by the HarvestStore contract', () => {
  harvestStoreContract(async () => {
    const store = inMemoryHarvestStore();
    return {
      store,
      record: async (kind, id) => store.records(kind).find((r) => r.record.id === id)?.record ?? null,
      ballotsOf: async (budgetId) => store.ballotsOf(budgetId),
      dataVersion: async () => store.dataVersion(),
    };
  });
});
