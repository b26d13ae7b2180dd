import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';

// One line of the service-item list 《“预约+无休”政务服务事项清单》 (R-LST-1). Only published items
// ("经公告列入") can be booked. Validation lives in src/rules/serviceItem.ts.
export default defineCollection({
  name: 'serviceItems',
  title: tval('Service items'),
  titleField: 'name',
  sortable: true,
  dumpRules: 'required',
  fields: [
    { type: 'string', name: 'code', unique: true, allowNull: false, interface: 'input',
      uiSchema: { type: 'string', title: tval('Item code'), 'x-component': 'Input' } },
    { type: 'string', name: 'name', allowNull: false, interface: 'input',
      uiSchema: { type: 'string', title: tval('Item name'), 'x-component': 'Input' } },
    { type: 'belongsTo', name: 'leadWindow', target: 'windows', foreignKey: 'leadWindowId', interface: 'm2o',
      uiSchema: { title: tval('Lead window'), 'x-component': 'AssociationField',
        'x-component-props': { multiple: false, fieldNames: { label: 'name', value: 'id' } } } },
    { type: 'belongsToMany', name: 'cooperatingWindows', target: 'windows', through: 'serviceItemsCooperatingWindows',
      foreignKey: 'serviceItemId', otherKey: 'windowId', interface: 'm2m',
      uiSchema: { title: tval('Cooperating windows'), 'x-component': 'AssociationField',
        'x-component-props': { multiple: true, fieldNames: { label: 'name', value: 'id' } } } },
    { type: 'boolean', name: 'offeredOnWeekends', defaultValue: true, interface: 'checkbox',
      uiSchema: { type: 'boolean', title: tval('Weekend service'), 'x-component': 'Checkbox' } },
    { type: 'boolean', name: 'offeredOnHolidays', defaultValue: true, interface: 'checkbox',
      uiSchema: { type: 'boolean', title: tval('Holiday appointment'), 'x-component': 'Checkbox' } },
    // Ordered list of materials: the one-time complete notice (一次性告知) read to the applicant.
    { type: 'json', name: 'materials', defaultValue: [], interface: 'json',
      uiSchema: { type: 'array', title: tval('Materials to bring'), 'x-component': 'Input.JSON' } },
    { type: 'integer', name: 'expectedMinutes', allowNull: false, defaultValue: 60, interface: 'integer',
      uiSchema: { type: 'number', title: tval('Expected handling minutes'), 'x-component': 'InputNumber' } },
    { type: 'integer', name: 'capacityPerSlot', allowNull: false, defaultValue: 1, interface: 'integer',
      uiSchema: { type: 'number', title: tval('Capacity per slot'), 'x-component': 'InputNumber' } },
    { type: 'boolean', name: 'published', defaultValue: false, interface: 'checkbox',
      uiSchema: { type: 'boolean', title: tval('Published'), 'x-component': 'Checkbox' } },
    { type: 'text', name: 'note', interface: 'textarea',
      uiSchema: { type: 'string', title: tval('Note'), 'x-component': 'Input.TextArea' } },
  ],
});
