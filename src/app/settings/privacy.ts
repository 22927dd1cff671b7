import { IMAGE_FIELDS, type KitasResult } from '../../core/schema';
import { useKiosk } from '../kiosk/kiosk-store';
import { useSettings } from './settings-store';

/**
 * The result without the face photo and signature crops when `omit` is set: their values become ''
 * and everything else (keys, order, polygons, confidences) is unchanged, so the shape stays the
 * reference shape. The crops are sensitive personal data under UU 27/2022 (PDP).
 */
export function withoutImages(result: KitasResult, omit: boolean): KitasResult {
  if (!omit) return result;
  const read = { ...result.read };
  for (const name of IMAGE_FIELDS) read[name] = { ...read[name], value: '' };
  return { ...result, read };
}

/** What every export should pass its result through: applies the user's privacy settings. */
export function applyPrivacy(result: KitasResult): KitasResult {
  return withoutImages(result, omitImagesNow());
}

/** The setting, or in kiosk mode the kiosk's configuration (which starts from the setting). */
export function omitImagesNow(): boolean {
  const kiosk = useKiosk.getState();
  return kiosk.active ? kiosk.config.omitImages : useSettings.getState().settings.omitImages;
}
