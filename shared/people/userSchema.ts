// The schemas of users as stored (people/users.json) and as the API shows them; their shapes are in ./roles.
import { z } from 'zod';
import { USER_NAME_MAX } from '../limits';
import { SlugSchema } from '../plan/schema';
import { ROLES, type PublicUser, type User } from './roles';

export const RoleSchema = z.enum(ROLES);

export const UserSchema: z.ZodType<User> = z.strictObject({
  id: SlugSchema,
  name: z.string().trim().min(1).max(USER_NAME_MAX),
  role: RoleSchema,
  pinHash: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  disabled: z.boolean(),
});

export const PublicUserSchema: z.ZodType<PublicUser> = z.object({
  id: SlugSchema,
  name: z.string(),
  role: RoleSchema,
  createdAt: z.string(),
  disabled: z.boolean(),
  lockedUntil: z.string().optional(),
});
