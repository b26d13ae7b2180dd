import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';

// A year is "configured" once its statutory holidays are known (seeded or confirmed by an admin).
// Rules that need an unconfigured year refuse instead of guessing (R-CAL-1).
export default defineCollection({
  name: 'calendarYears',
  title: tval('Calendar years'),
  dumpRules: 'required',
  fields: [
    { type: 'integer', name: 'year', unique: true, allowNull: false, interface: 'integer',
      uiSchema: { type: 'number', title: tval('Year'), 'x-component': 'InputNumber' } },
    { type: 'boolean', name: 'configured', defaultValue: false, interface: 'checkbox',
      uiSchema: { type: 'boolean', title: tval('Holidays configured'), 'x-component': 'Checkbox' } },
    { type: 'string', name: 'source', defaultValue: 'admin', interface: 'select',
      uiSchema: { type: 'string', title: tval('Source'), 'x-component': 'Select',
        enum: [{ value: 'seed', label: tval('Seed data') }, { value: 'admin', label: tval('Administrator') },
          { value: 'notice', label: tval('State Council notice') }] } },
    { type: 'text', name: 'note', interface: 'textarea',
      uiSchema: { type: 'string', title: tval('Note'), 'x-component': 'Input.TextArea' } },
  ],
});
