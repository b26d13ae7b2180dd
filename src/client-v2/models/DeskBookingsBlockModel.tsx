// The desk's own list beside the registration form on 预约登记: bookings it recorded (today,
// upcoming), look-up by booking number or the applicant's phone, status, reprint (Modern pages only).
import { BlockModel } from '@nocobase/client-v2';
import React from 'react';
import { DeskBookings } from '../../client/desk/DeskBookings';
import { blockLabel } from './label';

export class DeskBookingsBlockModel extends BlockModel {
  renderComponent() {
    return <DeskBookings />;
  }
}

DeskBookingsBlockModel.define({ label: blockLabel('Registration form (desk): my bookings') });
