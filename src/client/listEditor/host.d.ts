// Hand-written types for what the service-list editor takes from the NocoBase host page at run time
// (none of these packages is installable here). Only the names used are declared; props are loose.
// BlockModel: types/nocobase-client-v2.d.ts.
declare module 'antd' {
  import type { FC, ReactNode } from 'react';
  type LooseProps = Record<string, any> & { children?: ReactNode };
  export const Table: FC<LooseProps>;
  export const InputNumber: FC<LooseProps>;
  export const Switch: FC<LooseProps>;
  export const Upload: FC<LooseProps>;
  export const Badge: FC<LooseProps>;
}

declare module '@ant-design/icons' {
  import type { FC } from 'react';
  export const HolderOutlined: FC<Record<string, any>>;
  export const ArrowUpOutlined: FC<Record<string, any>>;
  export const ArrowDownOutlined: FC<Record<string, any>>;
  export const DeleteOutlined: FC<Record<string, any>>;
  export const DownloadOutlined: FC<Record<string, any>>;
  export const UploadOutlined: FC<Record<string, any>>;
  export const UnorderedListOutlined: FC<Record<string, any>>;
}
