import { defineCollection } from '@nocobase/database';
import { tval } from '../src/constants';

// Only days that differ from the plain weekday (holidays, make-up workdays) or that an admin
// touched are stored; any other day of a configured year is a workday or weekend rest (R-CAL-1).
export default defineCollection({
  name: 'calendarDays',
  title: tval('Statutory calendar'),
  dumpRules: 'required',
  fields: [
    { type: 'dateOnly', name: 'date', unique: true, allowNull: false, interface: 'date',
      uiSchema: { type: 'string', title: tval('Date'), 'x-component': 'DatePicker' } },
    { type: 'string', name: 'kind', allowNull: false, interface: 'select',
      uiSchema: { type: 'string', title: tval('Day kind'), 'x-component': 'Select', enum: [
        { value: 'workday', label: tval('Workday') },
        { value: 'makeupWorkday', label: tval('Make-up workday') },
        { value: 'weekendRest', label: tval('Weekend rest') },
        { value: 'holiday', label: tval('Statutory holiday') },
      ] } },
    { type: 'string', name: 'holidayName', interface: 'input',
      uiSchema: { type: 'string', title: tval('Holiday name'), 'x-component': 'Input' } },
    { type: 'string', name: 'source', defaultValue: 'admin', interface: 'select',
      uiSchema: { type: 'string', title: tval('Source'), 'x-component': 'Select',
        enum: [{ value: 'seed', label: tval('Seed data') }, { value: 'admin', label: tval('Administrator') },
          { value: 'notice', label: tval('State Council notice') }] } },
    { type: 'text', name: 'note', interface: 'textarea',
      uiSchema: { type: 'string', title: tval('Note'), 'x-component': 'Input.TextArea' } },
  ],
});
