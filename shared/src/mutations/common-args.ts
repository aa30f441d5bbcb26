import { z } from 'zod';
import { LineIdSchema, ModifierOptionIdSchema } from '../ids.ts';
import { freeText } from '../text.ts';

/** Argument pieces several mutations share. */
export const reasonText = freeText('reason');
export const noteText = freeText('lineNote');
export const quantity = z.int().min(1).max(999);
export const covers = z.int().min(0).max(500);
export const lineIds = z.array(LineIdSchema).min(1).max(200);
export const modifierOptionIds = z.array(ModifierOptionIdSchema).max(50);
