import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { describeError } from '../../ui/query-state.tsx';

/**
 * A back-office change: sent once, the lists it touches read again from the server when it is
 * through, and a failure kept as one sentence for the person (the server's own reason when it
 * refused).
 */
export function useServerMutation<TInput, TOutput>(
  send: (input: TInput) => Promise<TOutput>,
  invalidates: readonly QueryKey[],
  options: { onSuccess?: (output: TOutput, input: TInput) => void } = {},
) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: async (output, input) => {
      options.onSuccess?.(output, input);
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
  return {
    ...mutation,
    problem: mutation.error ? describeError(mutation.error) : null,
  };
}
