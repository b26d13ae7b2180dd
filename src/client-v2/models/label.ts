import { tExpr } from '@nocobase/flow-engine';
import { NS } from '../../constants';

/** A block's name in "Add block", translated when shown: our namespace, then NocoBase's. */
export const blockLabel = (text: string) => tExpr(text, { ns: [NS, 'client'] });
