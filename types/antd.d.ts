// Minimal hand-written types for the antd 5 components our web part uses. antd is not installed
// here; the NocoBase host page provides it at runtime (antd 5.24 in NocoBase 2.2).
// Props are deliberately loose: this file only has to say which names exist.
declare module 'antd' {
  import type { FC, ReactNode } from 'react';

  type AnyProps = Record<string, any> & { children?: ReactNode };
  type C = FC<AnyProps>;

  export const Alert: C;
  export const Button: C;
  export const Card: C;
  export const Col: C;
  export const Row: C;
  export const Empty: C;
  export const Popconfirm: C;
  export const Space: C;
  export const Spin: C;
  export const Tag: C;
  export const Tooltip: C;
  export const Select: C;
  export const Input: C & { TextArea: C };
  export const InputNumber: C;
  export const Radio: C & { Group: C; Button: C };
  export const Typography: C & { Text: C; Paragraph: C; Title: C };

  export interface FormInstance {
    setFieldsValue(values: Record<string, any>): void;
    getFieldsValue(): Record<string, any>;
    validateFields(): Promise<Record<string, any>>;
    resetFields(): void;
  }
  export const Form: C & {
    Item: C;
    useForm(): [FormInstance];
    useWatch(name: string, form?: FormInstance): any;
  };
  export const Modal: C;
  // duty pages (src/client/duty)
  export const Table: C;
  export const Tabs: C;
  export const Statistic: C;
  export const Descriptions: C;

  export interface MessageInstance {
    success(content: ReactNode, duration?: number): any;
    error(content: ReactNode, duration?: number): any;
    info(content: ReactNode, duration?: number): any;
    warning(content: ReactNode, duration?: number): any;
  }
  export const message: MessageInstance & { useMessage(): [MessageInstance, ReactNode] };

  export interface GlobalToken {
    [name: string]: any;
    colorPrimary: string;
    colorText: string;
    colorTextSecondary: string;
    colorTextTertiary: string;
    colorBgContainer: string;
    borderRadiusSM: number;
    fontSize: number;
    fontSizeSM: number;
  }
  export const theme: { useToken(): { token: GlobalToken } };
}

declare module '@ant-design/icons' {
  import type { FC } from 'react';
  type Icon = FC<Record<string, any>>;
  export const CheckCircleOutlined: Icon;
  export const PlusOutlined: Icon;
  export const ReloadOutlined: Icon;
  export const CalendarOutlined: Icon;
  export const MinusCircleOutlined: Icon;
  export const SaveOutlined: Icon;
  export const UndoOutlined: Icon;
}
