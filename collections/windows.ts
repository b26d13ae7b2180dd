import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';

// A service window (窗口) of a department stationed in the centre (进驻部门).
export default defineCollection({
  name: 'windows',
  title: tval('Windows'),
  titleField: 'name',
  sortable: true,
  dumpRules: 'required',
  fields: [
    { type: 'string', name: 'code', unique: true, allowNull: false, interface: 'input',
      uiSchema: { type: 'string', title: tval('Window number'), 'x-component': 'Input' } },
    { type: 'string', name: 'name', allowNull: false, interface: 'input',
      uiSchema: { type: 'string', title: tval('Window name'), 'x-component': 'Input' } },
    { type: 'string', name: 'department', interface: 'input',
      uiSchema: { type: 'string', title: tval('Department'), 'x-component': 'Input' } },
    { type: 'belongsTo', name: 'lead', target: 'users', foreignKey: 'leadId', interface: 'm2o',
      uiSchema: { title: tval('Window lead'), 'x-component': 'AssociationField',
        'x-component-props': { multiple: false, fieldNames: { label: 'nickname', value: 'id' } } } },
    { type: 'belongsToMany', name: 'staff', target: 'users', through: 'windowsStaff',
      foreignKey: 'windowId', otherKey: 'userId', interface: 'm2m',
      uiSchema: { title: tval('Window staff'), 'x-component': 'AssociationField',
        'x-component-props': { multiple: true, fieldNames: { label: 'nickname', value: 'id' } } } },
    { type: 'string', name: 'phone', interface: 'phone',
      uiSchema: { type: 'string', title: tval('Phone'), 'x-component': 'Input' } },
    { type: 'hasMany', name: 'serviceItems', target: 'serviceItems', foreignKey: 'leadWindowId', interface: 'o2m',
      uiSchema: { title: tval('Service items (lead)'), 'x-component': 'AssociationField',
        'x-component-props': { multiple: true, fieldNames: { label: 'name', value: 'id' } } } },
  ],
});
