/** `npm run test:deployed`, single topology: the gateway Lambda runs every subgraph in-process. */
import { playDeployment } from './playDeployment';

describe('a fresh deployment, single topology, played from the cloud assembly', () => {
  playDeployment('single');
});
