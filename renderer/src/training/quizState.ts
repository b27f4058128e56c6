// Where a self-study quiz stands: choosing plans, answering one question at a time, or graded. Pure: the screen
// dispatches what the person did and what the backend answered.
import type { ChannelOutput } from '../../../shared/api/channels';

export type Question = ChannelOutput<'training.quiz'>['questions'][number];
export type Grade = ChannelOutput<'training.submit'>;

export type QuizState =
  | { phase: 'setup' }
  | { phase: 'asking'; questions: Question[]; index: number; answers: Readonly<Record<string, string>> }
  | { phase: 'graded'; grade: Grade; answers: Readonly<Record<string, string>> };

export type QuizAction =
  | { type: 'started'; questions: Question[] }
  | { type: 'picked'; choiceId: string }
  | { type: 'moved'; index: number }
  | { type: 'graded'; grade: Grade }
  | { type: 'reset' };

export function quizReducer(state: QuizState, action: QuizAction): QuizState {
  switch (action.type) {
    case 'started':
      return { phase: 'asking', questions: action.questions, index: 0, answers: {} };
    case 'reset':
      return { phase: 'setup' };
    case 'graded':
      return state.phase === 'asking' ? { phase: 'graded', grade: action.grade, answers: state.answers } : state;
    case 'picked': {
      if (state.phase !== 'asking') return state;
      const question = state.questions[state.index]!;
      if (!question.choices.some((c) => c.id === action.choiceId)) return state;
      // A pick moves on to the next question (touch: one tap a question); the last one stays for the submit.
      return {
        ...state,
        answers: { ...state.answers, [question.id]: action.choiceId },
        index: Math.min(state.index + 1, state.questions.length - 1),
      };
    }
    case 'moved':
      if (state.phase !== 'asking') return state;
      return { ...state, index: Math.max(0, Math.min(action.index, state.questions.length - 1)) };
  }
}

/** How many of the questions have no answer yet. */
export function unanswered(questions: readonly Question[], answers: Readonly<Record<string, string>>): number {
  return questions.filter((q) => answers[q.id] === undefined).length;
}
