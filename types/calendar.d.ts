// Icons the calendar page's notice panel and downloads use (the host page provides @ant-design/icons).
declare module '@ant-design/icons' {
  import type { FC } from 'react';
  type CalIcon = FC<Record<string, any>>;
  export const FileTextOutlined: CalIcon;
  export const CheckOutlined: CalIcon;
  export const EyeOutlined: CalIcon;
  export const DownloadOutlined: CalIcon;
  export const UploadOutlined: CalIcon;
}
