/** All seed data, each set citing the sources in ./sources by key. */
export { sources } from './sources';
export { agencies } from './agencies';
export { pillars } from './pillars';
export { workingGroups } from './working-groups';
export { meetings } from './meetings';
export { plan, objectives } from './plan';
export { napActions } from './nap-actions';
export { deliverables } from './deliverables';
export { indicators } from './statistics';
export { awards } from './awards';
