/** `npm run test:deployed`, split topology: one Lambda per subgraph behind IAM-authorised function URLs. */
import { playDeployment } from './playDeployment';

describe('a fresh deployment, split topology, played from the cloud assembly', () => {
  playDeployment('split');
});
