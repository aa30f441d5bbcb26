import {
  useMutation,
  useQueryClient,
  type InvalidateQueryFilters,
  type UseMutationOptions,
} from '@tanstack/react-query';
import { describeError } from '../../ui/query-state.tsx';

/**
 * A back-office change: sent once (`trpc.x.y.mutationOptions()`, or a `mutationFn` that calls
 * more than one procedure), the lists it touches read again from the server when it is through
 * (`trpc.x.y.queryFilter()`), and a failure kept as one sentence for the person (the server's
 * own reason when it refused).
 */
export function useServerMutation<TOutput, TError, TInput>(
  mutation: UseMutationOptions<TOutput, TError, TInput>,
  invalidates: readonly InvalidateQueryFilters[],
  options: { onSuccess?: (output: TOutput, input: TInput) => void } = {},
) {
  const queryClient = useQueryClient();
  const result = useMutation({
    ...mutation,
    onSuccess: async (output, input) => {
      options.onSuccess?.(output, input);
      await Promise.all(invalidates.map((filters) => queryClient.invalidateQueries(filters)));
    },
  });
  return {
    ...result,
    problem: result.error ? describeError(result.error) : null,
  };
}
