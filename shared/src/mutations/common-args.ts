import { z } from 'zod';
import { LineIdSchema, ModifierOptionIdSchema } from '../ids.ts';

/** Argument pieces several mutations share. */
export const reasonText = z.string().trim().min(1).max(200);
export const noteText = z.string().trim().max(200);
export const quantity = z.int().min(1).max(999);
export const covers = z.int().min(0).max(500);
export const lineIds = z.array(LineIdSchema).min(1).max(200);
export const modifierOptionIds = z.array(ModifierOptionIdSchema).max(50);
