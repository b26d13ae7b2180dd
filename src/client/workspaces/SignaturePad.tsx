// The applicant signs on screen (R-DAY-3): pointer strokes on a canvas, kept as an image data URL.
// Works with mouse, pen and touch (pointer events; touch-action none so the page does not scroll).
import { Button, Space, Typography, theme } from 'antd';
import React, { useEffect, useRef, useState } from 'react';
import { useT } from '../locale';
import { hasSignatureInk, type Stroke } from './logic';

export interface SignaturePadProps {
  /** The PNG data URL once there is enough ink, else null. */
  onChange: (dataUrl: string | null) => void;
  width?: number;
  height?: number;
}

export const SignaturePad = ({ onChange, width = 460, height = 180 }: SignaturePadProps) => {
  const { t } = useT();
  const { token } = theme.useToken();
  const canvas = useRef<any>(null);
  const strokes = useRef<Stroke[]>([]);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    // A sharp line on high-density screens: draw in device pixels, think in CSS pixels.
    const ratio = window.devicePixelRatio || 1;
    c.width = width * ratio;
    c.height = height * ratio;
    const ctx = c.getContext('2d');
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.2;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#1f1f1f';
  }, [width, height]);

  const point = (e: any) => {
    const r = canvas.current.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  const down = (e: any) => {
    e.preventDefault();
    canvas.current.setPointerCapture?.(e.pointerId);
    drawing.current = true;
    const p = point(e);
    strokes.current.push([p]);
    const ctx = canvas.current.getContext('2d');
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
  };

  const move = (e: any) => {
    if (!drawing.current) return;
    const p = point(e);
    strokes.current[strokes.current.length - 1].push(p);
    const ctx = canvas.current.getContext('2d');
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
  };

  const up = () => {
    if (!drawing.current) return;
    drawing.current = false;
    const inked = hasSignatureInk(strokes.current);
    setEmpty(!inked);
    onChange(inked ? canvas.current.toDataURL('image/png') : null);
  };

  const clear = () => {
    const c = canvas.current;
    c.getContext('2d').clearRect(0, 0, c.width, c.height);
    strokes.current = [];
    setEmpty(true);
    onChange(null);
  };

  return (
    <Space direction="vertical" size={4}>
      <canvas
        ref={canvas}
        data-testid="signature-canvas"
        style={{
          width, height, touchAction: 'none', cursor: 'crosshair', background: '#fff',
          border: `1px dashed ${token.colorBorder || '#d9d9d9'}`, borderRadius: token.borderRadius || 6,
        }}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerLeave={up}
      />
      <Space>
        <Typography.Text type="secondary">{empty ? t('Ask the applicant to sign above') : t('Signed')}</Typography.Text>
        <Button size="small" onClick={clear} data-testid="signature-clear">{t('Clear')}</Button>
      </Space>
    </Space>
  );
};
