const later = async (): Promise<void> => undefined;

export const forget = (): void => {
  later();
};
